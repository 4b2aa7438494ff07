using Microsoft.Extensions.DependencyInjection;

namespace Milestones.Application.Common.Behaviours;

/// <summary>
/// The mediator and its pipeline, registered once for the app and the handler tests alike
/// (<see cref="DependencyInjection.AddApplication"/> calls it). Mediator's source generator runs in
/// this project and reads the literal list below: that list is the one declaration of the order.
/// </summary>
internal static class Pipeline
{
    public static IServiceCollection AddMediatorPipeline(this IServiceCollection services) =>
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DomainEvent), typeof(DependencyInjection)];

            // Outermost first: tracing → logging → authorization → validation → performance →
            // transaction (commands) → If-Match precondition (conditional commands).
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
                typeof(TransactionBehaviour<,>),
                typeof(PreconditionBehaviour<,>),
            ];
        });
}
