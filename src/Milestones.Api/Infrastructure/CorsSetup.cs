using Microsoft.Net.Http.Headers;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// CORS for browser front ends (SPEC 5): the origins in <c>Milestones:Cors:Origins</c> (none by
/// default, so no cross-origin browser call is allowed until an operator lists one).
/// </summary>
public static class CorsSetup
{
    public const string Section = "Milestones:Cors:Origins";

    public static readonly string[] AllowedHeaders =
        [HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, IdempotencyMiddleware.KeyHeader];

    public static readonly string[] ExposedHeaders =
    [
        HeaderNames.ETag, HeaderNames.Location, HeaderNames.Link, HeaderNames.RetryAfter,
        RateLimitingSetup.LimitHeader, RateLimitingSetup.RemainingHeader, RateLimitingSetup.ResetHeader, IdempotencyMiddleware.ReplayedHeader,
    ];

    public static IServiceCollection AddConfiguredCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{Section} has '{origin}'; an origin is scheme://host[:port], such as https://app.example.com.");
            }
        }

        return services.AddCors(o => o.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
    }
}
