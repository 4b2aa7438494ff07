namespace Milestones.Api.Infrastructure;

/// <summary>
/// The endpoint that served a request: routing's, or, once the exception handler has cleared it to
/// answer a failure (409, 412, 422…), the one its feature remembers.
/// </summary>
public static class ServedEndpoint
{
    public static Endpoint? Of(HttpContext context) =>
        context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;
}
