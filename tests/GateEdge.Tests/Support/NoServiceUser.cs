using System.Runtime.CompilerServices;

namespace GateEdge.Tests.Support;

/// <summary>
/// The suite's files are its own: a box with GateEdge installed has the service's user, and
/// root's configuration checks would ask whether that user can read the suite's temporary files.
/// The processes the tests start inherit this; a test that means the service user names one.
/// </summary>
internal static class NoServiceUser
{
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("GATEEDGE_SERVICE_USER", "-");
}
