using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Milestones.Application.Common.Behaviours;

namespace Milestones.Api.Tests;

/// <summary>The running app's mediator pipeline is the declared one, in the declared order.</summary>
public sealed class PipelineWiringTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task The_app_runs_the_declared_pipeline_in_its_order()
    {
        await using var scope = Factory.Services.CreateAsyncScope();

        var resolved = Pipeline.ResolvedFrom(scope.ServiceProvider);

        Assert.Equal(Pipeline.Order, resolved);
    }
}
