namespace Milestones.Api.Tests.Support;

/// <summary>One database per test class; tests create their own projects, so they never share state.</summary>
public abstract class ApiTestBase(ApiFactory factory) : IClassFixture<ApiFactory>
{
    protected ApiFactory Factory { get; } = factory;

    protected Scenario Given { get; } = new(factory);

    protected HttpClient Admin => Given.Admin;
}
