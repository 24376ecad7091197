using GateEdge.Devices.CardReaders;
using GateEdge.Devices.Health;
using GateEdge.Lanes;
using GateEdge.Registry;
using GateEdge.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateEdge.Tests.Support;

/// <summary>Lane <c>lane1</c> (a card <c>reader</c>, a <c>thermometer</c>, no mask rule) where one resident, <see cref="Zhang"/>, is registered.</summary>
internal static class OneResidentLane
{
    public static readonly Credential Zhang = new(CredentialKind.NationalId, "11010519491231002X");

    public static LaneOptions Options() => new() { Id = "lane1", CardReaders = ["reader"], Thermometer = "thermometer" };

    public static LaneCoordinator Build(FakeTimeProvider time, DeviceHealthBoard health, IPassageRecorder recorder, LaneOptions? options = null) =>
        new(options ?? Options(), new RulePolicy { MaskRequired = false },
            new SeedFileRegistry([new RegistryFile.Person("R-1", PersonClassification.Resident, [new RegistryFile.CredentialEntry(Zhang.Kind, Zhang.Number)])]),
            health, recorder, new MemoryHouseholdExits(), new PromptBoards(time).Board, time, NullLogger<LaneCoordinator>.Instance);
}
