using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// An unknown query parameter is 400 naming it (SPEC 5): a typo such as <c>?delete_tasks=yes</c> or
/// <c>?project_id=4</c> must never silently do the default. Names match exactly, as in the contract;
/// a case variant is named with the spelling it was probably meant to have. A parameter sent twice
/// (<c>?limit=5&amp;limit=6</c>) is 400 too (SPEC 7): which one wins is never guessed; a list is one
/// comma-separated value (<c>status=pending,reached</c>).
/// </summary>
public sealed class StrictQueryFilter(IApiDescriptionGroupCollectionProvider descriptions) : IResourceFilter
{
    private readonly ConcurrentDictionary<string, string[]> _allowed = new(StringComparer.Ordinal);

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        if (query.Count == 0)
        {
            return;
        }

        var allowed = _allowed.GetOrAdd(context.ActionDescriptor.Id, AllowedFor);
        var errors = query.Keys
            .Where(name => !allowed.Contains(name, StringComparer.Ordinal))
            .ToDictionary(name => name, name => new[] { Explain(name, allowed) });
        foreach (var (name, values) in query.Where(q => q.Value.Count > 1 && !errors.ContainsKey(q.Key)))
        {
            errors[name] = [$"'{name}' appears {values.Count} times; send it once (a list is one comma-separated value)."];
        }

        if (errors.Count == 0)
        {
            return;
        }

        context.Result = ProblemResponses.Result(context.HttpContext, StatusCodes.Status400BadRequest, string.Join(" ", errors.Values.SelectMany(v => v)), errors);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static string Explain(string name, string[] allowed)
    {
        var meant = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a, name.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        return allowed.Length == 0 ? $"'{name}' is not a query parameter here; this endpoint takes none."
            : meant is not null ? $"'{name}' is not a query parameter here; did you mean '{meant}'?"
            : $"'{name}' is not a query parameter here; this endpoint takes: {string.Join(", ", allowed)}.";
    }

    private string[] AllowedFor(string actionId) => descriptions.ApiDescriptionGroups.Items
        .SelectMany(g => g.Items)
        .Where(d => d.ActionDescriptor.Id == actionId)
        .SelectMany(d => d.ParameterDescriptions)
        .Where(p => p.Source == BindingSource.Query)
        .Select(p => p.Name)
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
