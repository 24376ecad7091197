using System.Diagnostics;

namespace GateEdge.SystemTests.Support;

/// <summary>A CA, a broker certificate for 127.0.0.1 signed by it, and an unrelated CA, made with openssl.</summary>
internal sealed record TestCertificates(string CaFile, string OtherCaFile, string ServerCertFile, string ServerKeyFile)
{
    public static TestCertificates Create(string dir)
    {
        Run(dir, "req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=GateEdge-Test-CA");
        Run(dir, "req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 2 -subj /CN=Some-Other-CA");
        Run(dir, "req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1");
        File.WriteAllText(Path.Combine(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
        Run(dir, "x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext");
        return new TestCertificates(Path.Combine(dir, "ca.pem"), Path.Combine(dir, "other-ca.pem"), Path.Combine(dir, "server.pem"), Path.Combine(dir, "server.key"));
    }

    private static void Run(string dir, string arguments)
    {
        var info = new ProcessStartInfo("openssl", arguments) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {arguments} failed: {error}");
        }
    }
}
