using System.Net;
using System.Text;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>Inputs a client can send that once risked a crash: every one gets a 4xx problem, never a 500.</summary>
public sealed class OddInputTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Theory]
    [InlineData("/api/v1/milestones/9223372036854775807")]
    [InlineData("/api/v1/milestones/-1")]
    [InlineData("/api/v1/milestones/99999999999999999999")]
    [InlineData("/api/v1/projects/{p}/milestones?limit=100&page=2147483647")]
    [InlineData("/api/v1/projects/{p}/milestones?dueBefore=notadate")]
    [InlineData("/api/v1/projects/{p}/milestones?overdue=maybe")]
    [InlineData("/api/v1/projects/{p}/milestones?limit=1.5")]
    [InlineData("/api/v1/projects/{p}/events?before=-1")]
    [InlineData("/api/v1/users/9223372036854775807")]
    [InlineData("/api/v1/supports/0")]
    public async Task Odd_reads_get_a_4xx(string url)
    {
        var project = await Given.ProjectAsync(Admin);

        var response = await Admin.GetAsync(url.Replace("{p}", project.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("{\"title\":\"x\",\"dueDate\":\"2026-13-45\"}")]
    [InlineData("{\"title\":\"x\",\"goalAmount\":1e30}")]
    [InlineData("{\"title\":\"x\",\"goalAmount\":79228162514264337593543950336}")]
    [InlineData("{\"title\":\"x\",\"tasks\":[null]}")]
    [InlineData("{\"title\":\"x\",\"tasks\":{}}")]
    [InlineData("{\"title\":\"x\",\"position\":2147483648}")]
    public async Task Odd_milestone_bodies_get_a_4xx_and_create_nothing(string body)
    {
        var project = await Given.ProjectAsync(Admin);

        var response = await Admin.PostAsync($"/api/v1/projects/{project.Id()}/milestones", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(0, (await Given.GetAsync(Admin, $"/api/v1/projects/{project.Id()}")).Int("milestonesTotal"));
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var bytes = new byte[] { 0xff, 0xfe }.Concat(Encoding.UTF8.GetBytes("{\"name\":\"x\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await Admin.PostAsync("/api/v1/projects", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_non_json_content_type_is_415()
    {
        var response = await Admin.PostAsync("/api/v1/projects", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
