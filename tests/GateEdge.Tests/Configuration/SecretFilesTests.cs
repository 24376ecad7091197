using GateEdge.Configuration;

namespace GateEdge.Tests.Configuration;

/// <summary>A status page token must be long and varied enough to resist guessing, as <c>openssl rand -hex 16</c> makes one.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-secrets-").FullName;

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa", "repeats too few characters")]
    [InlineData("abababababababababababab", "repeats too few characters")]
    [InlineData("password1234", "shorter than 16 characters")]
    [InlineData("3f9c1e0a7b2d4c6e8f0a1b2c3d4e5f60", null)]
    [InlineData("K7q!zP2m#Lw9xR4v", null)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_token_too_short_or_too_plain_is_refused_with_how_to_make_one(string token, string? problem)
    {
        var file = Path.Combine(_dir, "status.token");
        File.WriteAllText(file, token);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = new GatewayConfiguration();
        config.StatusPage.TokenFile = file;

        var problems = SecretFiles.Check(config).Select(p => p.ToString()).ToList();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            var refusal = Assert.Single(problems);
            Assert.Contains(problem, refusal, StringComparison.Ordinal);
            Assert.EndsWith($"make one with: openssl rand -hex 16 > {file}", refusal, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
