using Milestones.Application.Common.Exceptions;

namespace Milestones.Api.Compat.Goals;

/// <summary>Seed 001's words for failures: validation is 400, the role messages end without a period, 404s name the goal or the milestone.</summary>
public sealed class GoalsDialect : CompatDialect
{
    public const string ContentRequired = "content is required and must be a string";
    public const string NothingToUpdate = "No valid fields to update";

    public override string Name => "goals";

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["title"] = "content", ["position"] = "order", ["dueDate"] = "deadline", ["tasks"] = "subtasks", ["Tasks"] = "Subtasks", ["Project"] = "Goal", ["project"] = "goal",
    };

    protected override (int Status, string Detail) Reword(int status, string detail, Exception? exception, IReadOnlyDictionary<string, string[]>? errors) => status switch
    {
        404 => (404, exception is NotFoundException { Resource: "Project" } ? "Goal not found" : "Milestone not found"),
        403 => (403, detail.TrimEnd('.')),
        400 or 422 when errors is not null && errors.ContainsKey("content") && errors.Count == 1
            && errors.Values.SelectMany(v => v).Any(m => m.Contains("required", StringComparison.Ordinal) || m.Contains("JSON", StringComparison.Ordinal) || m.Contains("string", StringComparison.Ordinal))
            => (400, ContentRequired),
        400 or 422 when errors is not null && errors.TryGetValue("status", out var s) && s.Length > 0 => (400, GoalsStatus.Invalid),
        400 or 422 when errors is not null && errors.TryGetValue("body", out var b) && b.Contains(NothingToUpdate) => (400, NothingToUpdate),
        422 => (400, detail),
        _ => (status, detail),
    };
}
