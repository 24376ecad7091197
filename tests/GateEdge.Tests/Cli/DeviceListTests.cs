using GateEdge.Cli;

namespace GateEdge.Tests.Cli;

public sealed class DeviceListTests : IDisposable
{
    private readonly string _dev = Directory.CreateTempSubdirectory("gateedge-dev-").FullName;
    private readonly string _sys = Directory.CreateTempSubdirectory("gateedge-sys-").FullName;

    [Fact]
    public void Lists_by_id_names_with_their_ports_ports_without_a_stable_name_GPIO_chips_and_I2C_buses()
    {
        foreach (var name in new[] { "ttyUSB0", "ttyUSB1", "ttyACM0", "ttyS0", "ttyS1", "ttySC0", "ttyAMA0", "gpiochip0", "i2c-1" })
        {
            File.WriteAllText(Path.Combine(_dev, name), "");
        }

        // ttyS0 has a UART behind it (type 4, 16550A); ttyS1 is one of the empty nodes every PC has.
        foreach (var (tty, type) in new[] { ("ttyS0", "4"), ("ttyS1", "0") })
        {
            Directory.CreateDirectory(Path.Combine(_sys, "class", "tty", tty));
            File.WriteAllText(Path.Combine(_sys, "class", "tty", tty, "type"), type + "\n");
        }

        File.CreateSymbolicLink(Path.Combine(_dev, "serial0"), "ttyAMA0");

        Directory.CreateDirectory(Path.Combine(_dev, "serial", "by-id"));
        File.CreateSymbolicLink(Path.Combine(_dev, "serial", "by-id", "usb-FTDI_FT232R_A10K1234-if00-port0"), "../../ttyUSB1");
        var output = new StringWriter();

        Assert.Equal(0, DeviceList.Run(output, _dev, _sys));

        var text = output.ToString();
        Assert.Contains($"usb-FTDI_FT232R_A10K1234-if00-port0 -> {_dev}/ttyUSB1", text, StringComparison.Ordinal);
        Assert.Contains($"{_dev}/ttyUSB0 (no stable name", text, StringComparison.Ordinal);
        Assert.Contains($"{_dev}/ttyACM0 (no stable name", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{_dev}/ttyUSB1 (no stable name", text, StringComparison.Ordinal);
        Assert.Contains($"{_dev}/ttyS0 (no stable name", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ttyS1", text, StringComparison.Ordinal);
        Assert.Contains($"{_dev}/ttySC0 (no stable name", text, StringComparison.Ordinal);
        Assert.Contains($"{_dev}/serial0 -> {_dev}/ttyAMA0", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{_dev}/ttyAMA0 (no stable name", text, StringComparison.Ordinal);
        Assert.Contains($"  {_dev}/gpiochip0", text, StringComparison.Ordinal);
        Assert.Contains($"  {_dev}/i2c-1", text, StringComparison.Ordinal);

        var chinese = new StringWriter();
        Assert.Equal(0, DeviceList.Run(chinese, _dev, _sys, language: GateEdge.Common.Messages.Language.Chinese));
        Assert.Contains("串口（Devices[].Port 请填 by-id 路径）：", chinese.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{_dev}/ttyUSB0（没有固定名称：请加一条 udev 规则", chinese.ToString(), StringComparison.Ordinal);
        Assert.Contains("GPIO 芯片（Outputs.Chip 填其编号）：", chinese.ToString(), StringComparison.Ordinal);

        var json = new StringWriter();
        Assert.Equal(0, DeviceList.Run(json, _dev, _sys, json: true));
        var chineseJson = new StringWriter();
        Assert.Equal(0, DeviceList.Run(chineseJson, _dev, _sys, json: true, language: GateEdge.Common.Messages.Language.Chinese));
        Assert.Equal(json.ToString(), chineseJson.ToString());
        var listed = System.Text.Json.JsonDocument.Parse(json.ToString()).RootElement;
        var ports = listed.GetProperty("serialPorts").EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!, p => p.GetProperty("stablePath").GetString());
        Assert.Equal($"{_dev}/serial/by-id/usb-FTDI_FT232R_A10K1234-if00-port0", ports[$"{_dev}/ttyUSB1"]);
        Assert.Equal($"{_dev}/serial0", ports[$"{_dev}/ttyAMA0"]);
        Assert.Null(ports[$"{_dev}/ttyUSB0"]);
        Assert.False(ports.ContainsKey($"{_dev}/ttyS1"));
        Assert.Equal([$"{_dev}/gpiochip0"], listed.GetProperty("gpioChips").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([$"{_dev}/i2c-1"], listed.GetProperty("i2cBuses").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Says_so_when_nothing_is_plugged_in()
    {
        var output = new StringWriter();

        DeviceList.Run(output, _dev, _sys);

        Assert.Contains("none found: is the adapter plugged in?", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_dev, recursive: true);
        Directory.Delete(_sys, recursive: true);
    }
}
