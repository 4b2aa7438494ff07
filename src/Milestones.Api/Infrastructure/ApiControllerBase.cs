using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Milestones.Application.Common.Models;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>A single resource: <c>{"data": {...}}</c>.</summary>
public sealed record DataEnvelope<T>(T Data);

/// <summary>A page of a list: <c>{"data": [...], "count": n, "limit": n, "offset": n}</c>.</summary>
public sealed record ListEnvelope<T>(IReadOnlyList<T> Data, int Count, int Limit, int Offset);

/// <summary>Controllers only build the request, send it, and shape the answer.</summary>
[ApiController]
public abstract class ApiControllerBase : ControllerBase
{
    private ISender? _sender;

    protected ISender Sender => _sender ??= HttpContext.RequestServices.GetRequiredService<ISender>();

    /// <summary><c>If-Match</c> as the versions the command expects; null when absent or <c>*</c>.</summary>
    protected IReadOnlyList<string>? IfMatch => EntityTags.ExpectedVersions(Request.Headers.IfMatch);

    /// <summary>200 with the resource and its ETag, or 304 when If-None-Match already names it.</summary>
    protected ActionResult<DataEnvelope<T>> Resource<T>(T data)
    {
        var version = Versions.Of(data);
        Response.Headers.ETag = EntityTags.Strong(version);
        if (HttpMethods.IsGet(Request.Method) && EntityTags.NoneMatchNames(Request.Headers.IfNoneMatch, version))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return Ok(new DataEnvelope<T>(data));
    }

    /// <summary>
    /// 201 with the resource, its ETag and a <c>Location</c> that routing builds from the action that
    /// reads it (so the link always answers): <c>CreatedAt&lt;TasksController&gt;(nameof(TasksController.GetTask), new { taskId })</c>.
    /// </summary>
    protected ActionResult<DataEnvelope<T>> CreatedAt<TController, T>(string readAction, object routeValues, T data)
        where TController : ControllerBase
    {
        var location = Url.Action(readAction, typeof(TController).Name[..^"Controller".Length], routeValues)
            ?? throw new InvalidOperationException($"No route reads {typeof(TController).Name}.{readAction} with these values.");
        Response.Headers.ETag = EntityTags.Strong(Versions.Of(data));
        return Created(location, new DataEnvelope<T>(data));
    }

    /// <summary>A page of a list, with an RFC 8288 <c>Link</c> header: first, prev, next, last.</summary>
    protected ActionResult<ListEnvelope<T>> Page<T>(PagedList<T> page)
    {
        Response.Headers.Link = PageLinks.For(Request, page.Count, page.Limit, page.Offset);
        return Ok(new ListEnvelope<T>(page.Items, page.Count, page.Limit, page.Offset));
    }

    protected ActionResult<ListEnvelope<T>> List<T>(IReadOnlyList<T> items) =>
        Ok(new ListEnvelope<T>(items, items.Count, items.Count, 0));

    protected ActionResult<DataEnvelope<T>> Data<T>(T result) => Ok(new DataEnvelope<T>(result));
}
