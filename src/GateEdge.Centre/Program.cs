using GateEdge.Centre;
using Npgsql;

var parsed = CentreCommandLine.Build().Parse(args);
try
{
    int exit = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
    return parsed.Errors.Count > 0 ? 2 : exit;
}
catch (UsageException ex)
{
    Console.Out.WriteLine(ex.Message);
    return 2;
}
catch (Exception ex) when (ex is NpgsqlException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"gateedge-centre: {ex.Message}");
    return 1;
}
