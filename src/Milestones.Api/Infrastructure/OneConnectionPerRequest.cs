using Microsoft.AspNetCore.Mvc.Filters;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Infrastructure;

/// <summary>Every action runs on one database connection, opened before it and closed after (see <see cref="RequestConnection"/>).</summary>
public sealed class OneConnectionPerRequestFilter(RequestConnection connection) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        await using var held = await connection.HoldAsync(context.HttpContext.RequestAborted);
        await next();
    }
}
