using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Application.Common.Behaviours;

namespace Milestones.Application.Tests.Handlers;

/// <summary>The handler tests run the app's own pipeline, and every mapping is complete.</summary>
public sealed class WiringTests : HandlerTestBase
{
    [Fact]
    public async Task The_handler_tests_run_the_declared_pipeline_in_its_order()
    {
        await using var scope = Services.CreateAsyncScope();

        var resolved = Pipeline.ResolvedFrom(scope.ServiceProvider);

        Assert.Equal(Pipeline.Order, resolved);
    }

    [Fact]
    public void Every_AutoMapper_map_is_valid()
    {
        var mapper = Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }
}
