using Mediator;
using NetArchTest.Rules;

namespace Milestones.Api.Tests;

/// <summary>The layer rules, enforced on the compiled assemblies rather than only by project references.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Milestones.Domain.Entities.Milestone).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Milestones.Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(Milestones.Infrastructure.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Api = typeof(Program).Assembly;

    private static void AssertHolds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void The_rules_see_real_dependencies_so_they_cannot_pass_vacuously()
    {
        var controllersUseTheMediator = Types.InAssembly(Api).That().ResideInNamespace("Milestones.Api.Controllers")
            .ShouldNot().HaveDependencyOn("Milestones.Application").GetResult();

        Assert.False(controllersUseTheMediator.IsSuccessful);
    }

    [Fact]
    public void The_domain_depends_on_no_other_layer_and_on_no_framework_of_persistence_or_the_web()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Milestones.Application", "Milestones.Infrastructure", "Milestones.Api", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult();

        AssertHolds(result, "Domain depends on nothing of ours");
    }

    [Fact]
    public void The_application_depends_on_neither_infrastructure_nor_the_api_nor_ASP_NET_Core()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Milestones.Infrastructure", "Milestones.Api", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient")
            .GetResult();

        AssertHolds(result, "Application depends on Domain only");
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Milestones.Api").GetResult();

        AssertHolds(result, "Infrastructure does not depend on Api");
    }

    [Fact]
    public void Controllers_never_touch_the_database()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Milestones.Api.Controllers").ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Milestones.Infrastructure", "Milestones.Application.Common.Interfaces.IApplicationDbContext")
            .GetResult();

        AssertHolds(result, "Controllers build the request, send it and map the result");
    }

    [Fact]
    public void No_part_of_the_api_touches_the_unit_of_work()
    {
        var result = Types.InAssembly(Api).ShouldNot()
            .HaveDependencyOnAny("Milestones.Application.Common.Interfaces.IApplicationDbContext", "Milestones.Infrastructure.Persistence.ApplicationDbContext")
            .GetResult();

        AssertHolds(result, "The Api reaches data through the mediator or a dedicated Infrastructure service");
    }

    [Fact]
    public void Every_handler_is_named_for_its_message_and_lives_beside_it()
    {
        var handlers = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && (
                i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>))))
            .ToList();

        Assert.NotEmpty(handlers);
        var misnamed = handlers.Where(h =>
        {
            var message = h.GetInterfaces().First(i => i.IsGenericType).GetGenericArguments()[0];
            var stem = message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
                : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
                : message.Name;
            return h.Name != stem + "Handler" || h.Namespace != message.Namespace;
        }).Select(h => h.FullName);

        Assert.Empty(misnamed);
    }
}
