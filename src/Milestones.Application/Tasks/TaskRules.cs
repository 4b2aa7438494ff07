namespace Milestones.Application.Tasks;

internal static class TaskRules
{
    public static IRuleBuilderOptions<T, int?> TaskPosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max}.");
}
