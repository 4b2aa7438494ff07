using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Milestones.Api.Tests.Support;

/// <summary>Loopback ports for the servers the tests start (the API, receivers, proxies, Redis, nginx).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (up to 10 s) until <paramref name="port"/> accepts connections; false when <paramref name="process"/> exits first or time runs out.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }
}
