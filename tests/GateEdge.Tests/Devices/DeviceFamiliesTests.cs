using System.Collections;
using GateEdge.Configuration;
using GateEdge.Devices;
using GateEdge.Devices.Serial;

namespace GateEdge.Tests.Devices;

/// <summary>The table of device families is the one list of them: the configuration, the host, the probe and the simulator read it.</summary>
public sealed class DeviceFamiliesTests
{
    private static readonly string[] Lists = [.. typeof(DevicesOptions).GetProperties()
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>))
        .Select(p => p.Name)];

    [Fact]
    public void Every_list_under_Devices_belongs_to_exactly_one_family_and_every_family_has_its_list()
    {
        Assert.Equal(Lists.Order(StringComparer.Ordinal), DeviceFamilies.All.Select(f => f.Section).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_family_reads_its_entries_from_its_own_list()
    {
        var devices = new DevicesOptions();
        foreach (var family in DeviceFamilies.All)
        {
            var list = (IList)typeof(DevicesOptions).GetProperty(family.Section)!.GetValue(devices)!;
            Assert.Same(list, family.Configured(devices));
        }
    }

    [Fact]
    public void Each_family_has_one_kebab_case_name_its_section_is_spelt_from()
    {
        Assert.Equal(DeviceFamilies.All.Count, DeviceFamilies.All.Select(f => f.Kind).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DeviceFamilies.All, f => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)+$", f.Kind));
        Assert.Equal("IdCardReaders", DeviceFamilies.All.Single(f => f.Kind == "id-card-reader").Section);
        Assert.Equal("Mlx90614Thermometers", DeviceFamilies.All.Single(f => f.Kind == "mlx90614-thermometer").Section);
    }

    [Fact]
    public void Only_serial_families_are_probed_on_a_port_and_each_guess_uses_its_own_family_settings()
    {
        foreach (var family in DeviceFamilies.All)
        {
            var guesses = family.ProbeCandidates("/dev/ttyUSB0").ToArray();
            Assert.True(family.Wiring == DeviceWiring.Serial || guesses.Length == 0, $"{family.Kind} is not on a serial port and cannot be probed on one");
            Assert.All(guesses, g =>
            {
                Assert.Same(family, g.Family);
                Assert.Equal("/dev/ttyUSB0", g.Options.Port);
                Assert.Equal(typeof(DevicesOptions).GetProperty(family.Section)!.PropertyType.GetGenericArguments()[0], g.Options.GetType());
            });
        }

        Assert.All(DeviceFamilies.All.Where(f => f.Wiring == DeviceWiring.Serial),
            f => Assert.True(typeof(SerialDeviceOptions).IsAssignableFrom(typeof(DevicesOptions).GetProperty(f.Section)!.PropertyType.GetGenericArguments()[0])));
    }
}
