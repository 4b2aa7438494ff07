using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Milestones.Api.Tests;

public sealed record Probe(string? Name, int Count);

public sealed class ProbeValidator : AbstractValidator<Probe>
{
    public ProbeValidator()
    {
        RuleFor(x => x.Name).NotEmpty();
        RuleFor(x => x.Count).InclusiveBetween(1, 10);
    }
}

[ApiController]
[Route("probe")]
public sealed class ProbeController : ControllerBase
{
    [HttpPost]
    public IActionResult Post(Probe probe) => Ok(probe);
}

/// <summary>
/// FluentValidation 12.2.0 is pinned with FluentValidation.AspNetCore 11.3.1 (the last release of
/// that package). This proves the pair loads and runs together: MVC auto-validation resolves a
/// FluentValidation 12 validator and rejects a bad body, and lets a good one through.
/// </summary>
public sealed class FluentValidationAspNetCoreCompatibilityTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddControllers().AddApplicationPart(typeof(ProbeController).Assembly);
        builder.Services.AddFluentValidationAutoValidation();
        builder.Services.AddValidatorsFromAssemblyContaining<ProbeValidator>(ServiceLifetime.Singleton, r => r.ValidatorType == typeof(ProbeValidator));
        _app = builder.Build();
        _app.MapControllers();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task Auto_validation_rejects_an_invalid_body_with_the_validator_messages()
    {
        var response = await _client.PostAsJsonAsync("/probe", new { name = "", count = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.NotNull(body!["errors"]!["Name"]);
        Assert.NotNull(body["errors"]!["Count"]);
    }

    [Fact]
    public async Task Auto_validation_lets_a_valid_body_through()
    {
        var response = await _client.PostAsJsonAsync("/probe", new { name = "ok", count = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
