namespace Milestones.Application.Tasks;

internal static class TaskRules
{
    /// <summary>The title of a task being created (on its own, or in a milestone's task list): sent, and a name (<see cref="TextRules.Name{T}"/>).</summary>
    public static IRuleBuilderOptions<T, string?> NewTaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotNull().WithMessage("title is required.").Name("title", TaskItem.TitleMaxLength);

    public static IRuleBuilderOptions<T, int?> TaskPosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max}.");
}
