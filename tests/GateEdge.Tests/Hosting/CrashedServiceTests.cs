using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GateEdge.Tests.Hosting;

/// <summary>
/// The runner relies on the host to end with a failed background service's exception (Program then
/// logs it as fatal and exits 1, so systemd and the log tell the truth): pinned here, since older
/// hosts stopped quietly with exit code 0.
/// </summary>
public sealed class CrashedServiceTests
{
    [Fact]
    public async Task A_failed_background_service_ends_the_host_with_its_exception()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHostedService<Failing>();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<IOException>(() => host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("the disk went away", failure.Message);
    }

    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new IOException("the disk went away");
        }
    }
}
