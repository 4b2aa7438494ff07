using System.Collections.Concurrent;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// A 405 only from a path that exists, with an <c>Allow</c> that lists exactly the methods that path
/// answers (SPEC 5). Routing decides 405 on the path's shape before it checks route constraints, so
/// <c>POST /api/v1/milestones/add</c> got a 405 allowing <c>DELETE, GET, PATCH</c> of
/// <c>/milestones/{milestoneId:long}</c>, whose GET then answered 404. When routing picks its 405,
/// this matches the path against every endpoint's template and constraints: no endpoint matches, and
/// it is the 404 it always was; some do, and <c>Allow</c> names their methods. The other way round,
/// <c>GET /compat/buckets/api/milestones/positions</c> found no endpoint (the GET of <c>{id:long}</c>
/// was routing's candidate until its constraint failed), yet <c>PUT</c> answers there: a 405 too.
/// </summary>
public static class MethodNotAllowed
{
    private const string RoutingsEndpoint = "405 HTTP Method Not Supported";
    private static readonly ConcurrentDictionary<RouteEndpoint, TemplateMatcher> Matchers = new();

    public static async Task OnlyWhereThePathExists(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && endpoint.DisplayName != RoutingsEndpoint)
        {
            await next(context);
            return;
        }

        if (MethodsAnswering(context) is { Count: > 0 } allowed)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            await ProblemResponses.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                $"{context.Request.Path} does not accept {context.Request.Method}; it accepts {context.Response.Headers.Allow}.");
            return;
        }

        context.SetEndpoint(null); // no route has this path: the usual problem 404
        await next(context);
    }

    private static SortedSet<string> MethodsAnswering(HttpContext context)
    {
        var endpoints = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var policies = context.RequestServices.GetRequiredService<ParameterPolicyFactory>();
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } verbs || !Matches(context, endpoint, policies))
            {
                continue;
            }

            methods.UnionWith(verbs.HttpMethods);
            if (verbs.HttpMethods.Contains(HttpMethods.Get))
            {
                methods.Add(HttpMethods.Head); // HEAD works wherever GET does (HeadRequests)
            }
        }

        return methods;
    }

    private static bool Matches(HttpContext context, RouteEndpoint endpoint, ParameterPolicyFactory policies)
    {
        var values = new RouteValueDictionary();
        var matcher = Matchers.GetOrAdd(endpoint, e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)));
        if (!matcher.TryMatch(context.Request.Path, values))
        {
            return false;
        }

        foreach (var (name, references) in endpoint.RoutePattern.ParameterPolicies)
        {
            var parameter = endpoint.RoutePattern.GetParameter(name)!;
            foreach (var reference in references)
            {
                if (policies.Create(parameter, reference) is IRouteConstraint constraint
                    && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
