namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// The mediator pipeline, outermost first. Mediator's source generator only reads a literal list in
/// each <c>AddMediator</c> call, so the host and the handler tests spell it out themselves; tests on
/// both sides compare what they resolve with this list, so neither can drift from it.
/// </summary>
public static class Pipeline
{
    public static readonly IReadOnlyList<Type> Order =
    [
        typeof(TracingBehaviour<,>),
        typeof(LoggingBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(PerformanceBehaviour<,>),
        typeof(TransactionBehaviour<,>),
        typeof(PreconditionBehaviour<,>),
    ];

    /// <summary>The behaviour types a provider runs for one command that every behaviour applies to, outermost first.</summary>
    public static IReadOnlyList<Type> ResolvedFrom(IServiceProvider services)
    {
        var behaviourType = typeof(Mediator.IPipelineBehavior<,>).MakeGenericType(
            typeof(Projects.Commands.UpdateProject.UpdateProjectCommand), typeof(Mapping.ProjectDto));
        var resolved = (IEnumerable<object>)services.GetService(typeof(IEnumerable<>).MakeGenericType(behaviourType))!;
        return resolved.Select(b => b.GetType().GetGenericTypeDefinition()).ToList();
    }
}
