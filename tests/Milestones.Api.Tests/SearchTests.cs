using Microsoft.Data.Sqlite;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5: search ignores case in every script, and accents, in titles and descriptions.</summary>
public sealed class SearchTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Theory]
    [InlineData("ÉCOLE du soir", "école")]
    [InlineData("école du soir", "ECOLE")]
    [InlineData("Ångström units", "angstrom")]
    [InlineData("ΣΊΣΥΦΟΣ", "σίσυφος")]
    [InlineData("Привет, мир", "ПРИВЕТ")]
    public async Task A_term_finds_a_title_whatever_its_case_and_accents(string title, string term)
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title });
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "unrelated" });

        var found = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search={Uri.EscapeDataString(term)}")).Data().AsArray();

        Assert.Equal([title], found.Select(m => m.Str("title")));
    }

    [Fact]
    public async Task Folding_removes_accents_but_never_turns_one_letter_into_two()
    {
        var project = await Given.ProjectAsync(Admin);
        await Given.MilestoneAsync(Admin, project.Id(), new { title = "Straße" });

        var asSs = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=STRASSE")).Data().AsArray();
        var asEszett = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=STRAẞE")).Data().AsArray();

        Assert.Empty(asSs);
        Assert.Single(asEszett);
    }

    [Fact]
    public async Task A_term_finds_a_description_and_a_renamed_title_under_its_new_name_only()
    {
        var project = await Given.ProjectAsync(Admin);
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Launch", description = "Café opening" });
        (await Admin.Patch($"/api/v1/milestones/{m.Id()}", new { title = "Opening night" })).Data();

        var byDescription = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=CAFE")).Data().AsArray();
        var byOldTitle = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=launch")).Data().AsArray();

        Assert.Single(byDescription);
        Assert.Empty(byOldTitle);
    }

    [Fact]
    public async Task Milestones_stored_before_the_search_column_are_filled_in_at_startup()
    {
        var project = await Given.ProjectAsync(Admin);
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Ünïcode légacy" });
        await using (var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            var clear = connection.CreateCommand();
            clear.CommandText = $"UPDATE Milestones SET SearchText = '' WHERE Id = {m.Id()}";
            await clear.ExecuteNonQueryAsync();
        }

        using var restarted = new ApiFactory(Factory.DatabasePath, new Dictionary<string, string>(), Factory.Clock);
        var found = (await restarted.Admin().Get($"/api/v1/projects/{project.Id()}/milestones?search=unicode%20legacy")).Data().AsArray();

        Assert.Equal([m.Id()], found.Select(x => x.Id()));
    }
}
