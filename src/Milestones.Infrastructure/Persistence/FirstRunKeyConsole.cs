namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// Where the first-run admin key is shown: once, on the process's console, and nowhere else. Not through
/// <c>ILogger</c>, whose providers may export it (OTLP logs) or keep it (files, log shippers) (SPEC 7).
/// </summary>
public interface IFirstRunKeyConsole
{
    void Show(string username, string secret);
}

/// <summary>Standard output, written directly.</summary>
public sealed class FirstRunKeyConsole : IFirstRunKeyConsole
{
    public void Show(string username, string secret)
    {
        Console.Out.WriteLine(
            $"Milestones first run: created global admin '{username}'. Its API key is shown only now, keep it: {secret}" + Environment.NewLine +
            "  (use it as 'Authorization: Bearer <key>'; set Milestones:Bootstrap:ApiKey to choose your own)");
        Console.Out.Flush();
    }
}
