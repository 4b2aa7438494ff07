using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// The published API as a real child process on loopback, for what an in-process host cannot show:
/// SIGKILL and SIGTERM. It is published once per test run (from the build the tests ran on).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts the published API on <paramref name="database"/> and waits until /health/ready answers.</summary>
    public static async Task<ApiProcess> StartAsync(TempDatabase database, IReadOnlyDictionary<string, string>? settings = null, string? workingDirectory = null)
    {
        var api = Launch(database, settings, workingDirectory);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !api.HasExited)
        {
            try
            {
                if ((await probe.GetAsync(new Uri(api.BaseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await api.DisposeAsync();
        throw new InvalidOperationException("The API did not become ready:\n" + string.Join('\n', api.Output.TakeLast(40)));
    }

    /// <summary>Runs the published API's command line (such as <c>--probe &lt;url&gt;</c>) and returns its exit code.</summary>
    public static async Task<int> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(Published.Value, "Milestones.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Starts the published API and waits for it to exit by itself (a startup that must fail).</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(TempDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        await using var api = Launch(database, settings, null);
        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the API kept running:\n" + string.Join('\n', api.Output.TakeLast(20)));
        return (api.ExitCode, api.Output);
    }

    private static ApiProcess Launch(TempDatabase database, IReadOnlyDictionary<string, string>? settings, string? workingDirectory)
    {
        var directory = Published.Value;
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "Milestones.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Milestones__Bootstrap__ApiKey"] = ApiFactory.AdminKey;
        start.Environment["Database__Provider"] = TempDatabase.Provider;
        start.Environment["ConnectionStrings__Milestones"] = database.ConnectionString;
        start.Environment["Milestones__Deadlines__Enabled"] = "false";
        start.Environment["Milestones__RateLimit__PermitsPerMinute"] = "0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ApiProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    public HttpClient Admin(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        return client;
    }

    /// <summary>SIGKILL: the process ends at once, mid-write.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: what an orchestrator sends before it stops a container.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }


    /// <summary><c>dotnet publish --no-build</c> of the API, from the configuration these tests were built in.</summary>
    private static string Publish()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var output = Path.Combine(Path.GetTempPath(), "milestones-tests", "published-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", Repository.File("src", "Milestones.Api", "Milestones.Api.csproj"), "-c", configuration, "--no-build", "--nologo", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        if (!publish.WaitForExit(TimeSpan.FromMinutes(3)) || publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{stdout.Result}\n{stderr.Result}");
        }

        return output;
    }
}
