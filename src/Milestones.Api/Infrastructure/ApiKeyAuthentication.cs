using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Interfaces;
using Milestones.Infrastructure.Authentication;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer sk_live_…</c>: the secret is hashed (SHA-256) and looked up by hash.
/// No header: anonymous. A header with a missing, unknown, expired or revoked key fails, and
/// <see cref="RejectBadCredentials"/> answers 401 before the request goes further.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string AdminClaim = "global_admin";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("Authorization", out var header))
        {
            return AuthenticateResult.NoResult();
        }

        var value = header.ToString();
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer sk_live_…'.");
        }

        var secret = value["Bearer ".Length..].Trim();
        if (secret.Length is < 8 or > 256)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var check = await authenticator.CheckAsync(secret, Context.RequestAborted);
        if (check.Key is not { } key)
        {
            return AuthenticateResult.Fail(check.Failure!);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(KeyIdClaim, key.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        if (key.IsGlobalAdmin)
        {
            claims.Add(new Claim(AdminClaim, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Bad credentials are an error even on endpoints anonymous callers may use.</summary>
    public static async Task RejectBadCredentials(HttpContext context, RequestDelegate next)
    {
        var result = await context.AuthenticateAsync(SchemeName);
        if (result.Failure is not null)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, result.Failure.Message);
            return;
        }

        await next(context);
    }
}

/// <summary>The caller, from the authenticated principal. Outside a request (background work) it is the system: no id.</summary>
public sealed class HttpUser(IHttpContextAccessor accessor) : IUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public long? Id =>
        long.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsSystem => accessor.HttpContext is null;

    public bool IsAdmin => Principal?.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true") == true;

    public IReadOnlyCollection<string> Scopes =>
        Principal?.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => c.Value).ToList() ?? [];
}
