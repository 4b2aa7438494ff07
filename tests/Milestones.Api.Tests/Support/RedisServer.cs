using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port (no persistence), for the tests of the shared rate
/// limit. <c>.ci/run</c> installs the OS package when it is missing; <see cref="Available"/> says whether it is here.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static string? Binary { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public static bool Available => Binary is not null;

    public static async Task<RedisServer> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server)."))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        if (!await LoopbackPorts.WaitUntilListeningAsync(port, process))
        {
            server.Dispose();
            throw new InvalidOperationException($"redis-server did not start on port {port}.");
        }

        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}

/// <summary>A test that needs <c>redis-server</c>; skipped with the reason where it is not installed (<c>.ci/run</c> installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.Available)
        {
            Skip = "redis-server is not installed here (apt-get install redis-server; .ci/run installs it).";
        }
    }
}
