using System.Net;
using System.Text;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>Inputs a client can send that once risked a crash: every one gets a 4xx problem, never a 500.</summary>
public sealed class OddInputTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Theory]
    [InlineData("utf-16", "utf-16")]
    [InlineData("UTF-16LE", "UTF-16LE")]
    [InlineData("unicode", "unicode")]
    [InlineData("\"iso-8859-1\"", "iso-8859-1")]
    [InlineData("utf-32", "utf-32")]
    [InlineData("no-such-charset", "no-such-charset")]
    [InlineData("utf8", "utf8")]
    public async Task A_json_body_in_a_charset_other_than_utf8_is_415_naming_it_for_anyone_and_creates_nothing(string charset, string named)
    {
        // Arrange: an odd number of bytes, which a UTF-16 decoder cannot even split into characters.
        var before = (await Admin.Get("/api/v1/projects?limit=1")).Body!.Int("count");
        var body = Encoding.UTF8.GetBytes("{\"name\":\"px\"}");
        Assert.True(body.Length % 2 == 1);

        foreach (var client in new[] { Factory.Anonymous(), Admin })
        {
            // Act
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
            var response = await client.PostAsync("/api/v1/projects", content);
            var text = await response.Content.ReadAsStringAsync();

            // Assert
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"charset '{named}'", text);
            Assert.Contains("UTF-8", text);
        }

        Assert.Equal(before, (await Admin.Get("/api/v1/projects?limit=1")).Body!.Int("count"));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=Utf-8")]
    [InlineData("Application/JSON")]
    public async Task A_json_body_declared_as_utf8_in_any_spelling_is_read(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"Café\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Admin.PostAsync("/api/v1/projects", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Café", await response.Content.ReadAsStringAsync());
    }

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
