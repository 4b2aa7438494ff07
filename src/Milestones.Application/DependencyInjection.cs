using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Milestones.Application.Common.Serialization;

namespace Milestones.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, AutoMapper and access services. The mediator itself is registered by the host
    /// (the source generator runs in the outermost project).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNames.PropertyPath(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNames.PropertyPath(member.Name);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);

        // AutoMapper 15+ is free for development; production needs a license key (AutoMapper:LicenseKey).
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(MappingProfile));

        services.AddSingleton(Users.ApiKeyLimits.From(configuration));
        services.AddScoped<ProjectAccess>();
        services.AddScoped<Events.ActivityLog>();
        services.TryAddScoped<IInputErrors, NoInputErrors>();
        services.TryAddSingleton<IApiKeyCache, NoApiKeyCache>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
