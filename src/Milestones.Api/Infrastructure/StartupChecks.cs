using Milestones.Infrastructure;

namespace Milestones.Api.Infrastructure;

/// <summary>Settings refused before anything starts.</summary>
public static class StartupChecks
{
    /// <summary>The placeholders shipped in <c>.env.example</c>: publicly known, so never a Production secret.</summary>
    public static readonly string[] Placeholders = ["sk_live_change_me_to_a_long_random_secret_000", "Change_me_Str0ng!", "Change_me_App0nly!", "Change_me_Pg0nly!"];

    public static void Run(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        if (Placeholders.Contains(configuration["Milestones:Bootstrap:ApiKey"]))
        {
            throw new ConfigurationException(
                "Milestones:Bootstrap:ApiKey is the placeholder from .env.example; in Production set a secret of your own (sk_ and at least 32 random characters).");
        }

        if ((configuration.GetConnectionString("Milestones") + configuration["Database:Password"]) is { Length: > 0 } connection && Placeholders.Any(p => connection.Contains(p, StringComparison.Ordinal)))
        {
            throw new ConfigurationException(
                "ConnectionStrings:Milestones (or Database:Password) holds the placeholder password from .env.example; in Production set a password of your own.");
        }
    }

    /// <summary>The app's own folder, unless a content root is given, so its appsettings.json applies wherever it is started from.</summary>
    public static string? ContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            ? null
            : AppContext.BaseDirectory;
}
