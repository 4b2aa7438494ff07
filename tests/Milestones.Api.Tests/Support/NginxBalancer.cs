using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// nginx (OS package) as a round-robin load balancer on a free loopback port in front of the given
/// instances, as an operator would put it: keep-alive upstream connections, a failed instance skipped.
/// </summary>
public sealed class NginxBalancer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxBalancer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static string? Binary { get; } = new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxBalancer> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "milestones-tests", "nginx-" + Guid.NewGuid().ToString("N"))).FullName;
        var port = LoopbackPorts.Free();
        var servers = string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"));
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream milestones {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://milestones;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_next_upstream error timeout;
                  proxy_connect_timeout 2s;
                  proxy_read_timeout 60s;
                }
              }
            }
            """);
        var start = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("nginx is not installed (apt-get install nginx-light)."))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var balancer = new NginxBalancer(process, directory, port);
        if (!await LoopbackPorts.WaitUntilListeningAsync(port, process))
        {
            var log = Path.Combine(directory, "error.log");
            var reason = File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log";
            balancer.Dispose();
            throw new InvalidOperationException("nginx did not start: " + reason);
        }

        return balancer;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
