using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Events;
using Milestones.Application.Members;
using Milestones.Application.Milestones;
using Milestones.Application.Projects;
using Milestones.Application.Supports;
using Milestones.Application.Tasks;
using Milestones.Application.Users;
using Milestones.Application.Webhooks;
using Milestones.Application.Projects.Commands.UpdateProject;

namespace Milestones.Application.Tests.Handlers;

/// <summary>The registration the app shares runs the pipeline in its order, and every map is complete.</summary>
public sealed class WiringTests : HandlerTestBase
{
    [Fact]
    public async Task The_shared_registration_runs_the_pipeline_outermost_first_in_the_documented_order()
    {
        await using var scope = Services.CreateAsyncScope();

        var resolved = scope.ServiceProvider.GetServices<Mediator.IPipelineBehavior<UpdateProjectCommand, ProjectDto>>()
            .Select(b => b.GetType().GetGenericTypeDefinition().Name.Split('`')[0]);

        // The order README and ADR 1 document: who may see a failure, and what runs inside the transaction.
        Assert.Equal(
            ["TracingBehaviour", "LoggingBehaviour", "AuthorizationBehaviour", "ValidationBehaviour", "PerformanceBehaviour", "TransactionBehaviour", "PreconditionBehaviour"],
            resolved);
    }

    public static TheoryData<LambdaExpression> Maps() =>
    [
        TaskDto.Projection, SupportDto.Projection, ProjectDto.Projection, MemberDto.Projection, UserDto.Projection,
        ApiKeyDto.Projection, WebhookDto.Projection, WebhookDeliveryDto.Projection, EventDto.Projection,
        MilestoneDto.ProjectionAt(DateTime.UnixEpoch),
    ];

    [Theory]
    [MemberData(nameof(Maps))]
    public void Every_settable_property_of_a_DTO_is_set_by_its_one_map(LambdaExpression map)
    {
        var init = Assert.IsType<MemberInitExpression>(map.Body);

        var set = init.Bindings.Select(b => b.Member.Name).ToHashSet();
        var settable = init.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);

        Assert.Empty(settable.Except(set));
    }
}
