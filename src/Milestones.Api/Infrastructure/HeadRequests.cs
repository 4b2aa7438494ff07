namespace Milestones.Api.Infrastructure;

/// <summary>
/// HEAD works wherever GET does (RFC 9110 §9.3.2): the request is routed and answered as a GET,
/// status and headers (ETag, Link, RateLimit-*) included, and the body is dropped.
/// Runs before routing, so every GET endpoint serves HEAD without declaring it.
/// </summary>
public static class HeadRequests
{
    public static async Task AsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
