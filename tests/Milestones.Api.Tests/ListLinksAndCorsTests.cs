using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5: RFC 8288 Link headers on lists, and CORS for the configured origins only.</summary>
public sealed class ListLinksAndCorsTests : IDisposable
{
    private const string Origin = "https://app.example.com";
    private readonly ApiFactory _factory = new(null, new Dictionary<string, string> { ["Milestones:Cors:Origins:0"] = Origin });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_middle_page_links_to_first_prev_next_and_last_keeping_its_filters()
    {
        var given = new Scenario(_factory);
        var project = await given.ProjectAsync(given.Admin);
        for (var i = 0; i < 7; i++)
        {
            await given.MilestoneAsync(given.Admin, project.Id(), new { title = $"m{i}" });
        }

        var first = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?type=categorised&limit=2&offset=0");
        var middle = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?type=categorised&limit=2&page=2");

        var links = Links(first.Response);
        Assert.Equal(["first", "next", "last"], links.Keys);
        Assert.EndsWith("?type=categorised&limit=2&offset=6", links["last"], StringComparison.Ordinal);
        var middleLinks = Links(middle.Response);
        Assert.Equal(["first", "prev", "next", "last"], middleLinks.Keys);
        Assert.Equal($"http://localhost/api/v1/projects/{project.Id()}/milestones?type=categorised&limit=2&offset=0", middleLinks["prev"]);
        Assert.EndsWith("&limit=2&offset=4", middleLinks["next"], StringComparison.Ordinal);
        var followed = await given.Admin.Get(middleLinks["next"]);
        Assert.Equal(4, followed.Body!.Int("offset"));
    }

    [Fact]
    public async Task The_last_page_has_no_next_and_an_empty_list_links_to_itself()
    {
        var given = new Scenario(_factory);
        var project = await given.ProjectAsync(given.Admin);

        var empty = await given.Admin.Get($"/api/v1/projects/{project.Id()}/events?type=support.pledged");

        var links = Links(empty.Response);
        Assert.Equal(["first", "last"], links.Keys);
        Assert.Equal(links["first"], links["last"]);
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_allows_the_conditional_and_idempotency_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/projects/1");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "PATCH");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key");

        var response = await _factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PATCH", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        Assert.All(new[] { "if-match", "idempotency-key", "authorization" }, h => Assert.Contains(h, allowed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_to_a_configured_origin_exposes_ETag_Link_and_the_limit_headers_and_others_get_no_grant()
    {
        var client = _factory.Admin();
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects");
        allowed.Headers.Add("Origin", Origin);
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects");
        foreign.Headers.Add("Origin", "https://evil.example.net");

        var ok = await client.SendAsync(allowed);
        var refused = await client.SendAsync(foreign);

        Assert.Equal(Origin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = ok.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.All(new[] { "ETag", "Location", "Link", "RateLimit-Remaining", "Retry-After" }, h => Assert.Contains(h, exposed, StringComparison.Ordinal));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Dictionary<string, string> Links(HttpResponseMessage response) =>
        response.Headers.GetValues("Link").Single().Split(", ")
            .Select(part => part.Split("; rel="))
            .ToDictionary(p => p[1].Trim('"'), p => p[0].Trim('<', '>'));
}
