using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Serialization;

namespace Milestones.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The mediator with its pipeline, validators and access services: the one registration the host
    /// and the handler tests share.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNames.PropertyPath(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNames.PropertyPath(member.Name);
        services.AddMediatorPipeline();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);

        services.AddSingleton(Users.ApiKeyLimits.From(configuration));
        services.AddScoped<ProjectAccess>();
        services.AddScoped<Events.ActivityLog>();
        services.TryAddScoped<IInputErrors, NoInputErrors>();
        services.TryAddSingleton<IApiKeyCache, NoApiKeyCache>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
