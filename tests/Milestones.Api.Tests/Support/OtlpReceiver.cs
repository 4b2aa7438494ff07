using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// A real OTLP/HTTP receiver on loopback: it answers 200 to every export and keeps each body (protobuf,
/// read as Latin-1 text so any string inside it can be searched for byte by byte).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private OtlpReceiver(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, string Text)> Bodies { get; } = new();

    public static Task<OtlpReceiver> StartAsync() => Task.FromResult(new OtlpReceiver(LoopbackPorts.Free()));

    /// <summary>Waits (up to 30 s) until something arrived on each path.</summary>
    public async Task WaitForAsync(params string[] paths)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!paths.All(p => Bodies.Any(b => b.Path == p)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing arrived on {string.Join(", ", paths.Where(p => !Bodies.Any(b => b.Path == p)))} within 30 s.");
            await Task.Delay(100);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Bodies.Enqueue((context.Request.Url!.AbsolutePath, Encoding.Latin1.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
