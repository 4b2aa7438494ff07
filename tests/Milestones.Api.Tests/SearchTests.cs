using Milestones.Api.Tests.Support;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;

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
        await ExecuteAsync($"UPDATE \"Milestones\" SET \"SearchText\" = '' WHERE \"Id\" = {m.Id()}");

        using var restarted = new ApiFactory(Factory.Database, new Dictionary<string, string>(), Factory.Clock);
        var found = (await restarted.Admin().Get($"/api/v1/projects/{project.Id()}/milestones?search=unicode%20legacy")).Data().AsArray();

        Assert.Equal([m.Id()], found.Select(x => x.Id()));
    }

    [Fact]
    public async Task A_search_finds_exactly_the_milestones_that_contain_the_term_at_every_term_length()
    {
        var project = await Given.ProjectAsync(Admin);
        string[][] texts =
        [
            ["Alpha release", "Release notes and a café"],
            ["alphabet soup", ""],
            ["Beta", "after the alpha"],
            ["Ångström", "units, 100% done"],
            ["a_b", "x"],
        ];
        foreach (var t in texts)
        {
            await Given.MilestoneAsync(Admin, project.Id(), new { title = t[0], description = t[1] });
        }

        var gone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Alpha deleted" });
        (await Admin.Delete($"/api/v1/milestones/{gone.Id()}")).Data();
        string[] terms = ["a", "al", "alp", "ALPHA", "pha r", "release", "cafe", "angstrom", "0% d", "a_b", "%", "zzz", "soup!", "e\nr", "uncategorised"];

        foreach (var term in terms)
        {
            var expected = texts.Append([Milestone.DefaultTitle, ""])
                .Where(t => SearchText.ForMilestone(t[0], t[1]).Contains(SearchText.Fold(term), StringComparison.Ordinal))
                .Select(t => t[0]).Order().ToList();
            var query = Uri.EscapeDataString(term);

            var inProject = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search={query}&limit=100")).Data().AsArray();
            var acrossProjects = (await Admin.Get($"/api/v1/milestones?projectId={project.Id()}&search={query}&limit=100")).Data().AsArray();

            Assert.Equal(expected, inProject.Select(m => m!.Str("title")!).Order().ToList());
            Assert.Equal(expected, acrossProjects.Select(m => m!.Str("title")!).Order().ToList());
        }

        var withDeleted = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=alpha&includeDeleted=true&limit=100")).Data().AsArray();
        Assert.Contains("Alpha deleted", withDeleted.Select(m => m!.Str("title")));
    }

    [Fact]
    public async Task A_changed_description_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var project = await Given.ProjectAsync(Admin);
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Launch", description = "rocket fuel" });
        (await Admin.Patch($"/api/v1/milestones/{m.Id()}", new { description = "Paper boats" })).Data();

        var byNew = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=paper%20boat")).Data().AsArray();
        var byOld = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=rocket")).Data().AsArray();

        Assert.Equal([m.Id()], byNew.Select(x => x.Id()));
        Assert.Empty(byOld);
    }

    [Fact]
    public async Task A_description_of_the_longest_allowed_length_is_found_by_its_last_words()
    {
        var project = await Given.ProjectAsync(Admin);
        var words = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"w{i * 7919 % 100_000:x5}"));
        var description = (words + " the very last words")[^Milestone.DescriptionMaxLength..];
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Long", description });

        var found = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=VERY%20LAST%20WORDS")).Data().AsArray();

        Assert.Equal([m.Id()], found.Select(x => x.Id()));
        Assert.Equal(SearchText.IndexedPieces(SearchText.ForMilestone("Long", description)).Count,
            await ScalarAsync($"SELECT COUNT(*) FROM \"MilestoneTrigrams\" WHERE \"MilestoneId\" = {m.Id()}"));
    }

    [Fact]
    public async Task Milestones_stored_before_the_search_index_are_indexed_at_startup()
    {
        var project = await Given.ProjectAsync(Admin);
        var m = await Given.MilestoneAsync(Admin, project.Id(), new { title = "Written before the index", description = "Legacy words" });
        await ExecuteAsync($"DELETE FROM \"MilestoneTrigrams\" WHERE \"ProjectId\" = {project.Id()}");
        var beforeRestart = (await Admin.Get($"/api/v1/projects/{project.Id()}/milestones?search=legacy")).Data().AsArray();

        using var restarted = new ApiFactory(Factory.Database, new Dictionary<string, string>(), Factory.Clock);
        var found = (await restarted.Admin().Get($"/api/v1/projects/{project.Id()}/milestones?search=legacy")).Data().AsArray();
        var defaultFound = (await restarted.Admin().Get($"/api/v1/projects/{project.Id()}/milestones?search=categoris")).Data().AsArray();

        Assert.Empty(beforeRestart); // the index is what a search reads
        Assert.Equal([m.Id()], found.Select(x => x.Id()));
        Assert.Single(defaultFound);
        var expectedEntries = SearchText.IndexedPieces(SearchText.ForMilestone("Written before the index", "Legacy words")).Count
            + SearchText.IndexedPieces(SearchText.ForMilestone(Milestone.DefaultTitle, "")).Count;
        Assert.Equal(expectedEntries, await ScalarAsync($"SELECT COUNT(*) FROM \"MilestoneTrigrams\" WHERE \"ProjectId\" = {project.Id()}"));
    }

    private Task ExecuteAsync(string sql) => Factory.Database.ExecuteAsync(sql);

    /// <summary>Runs SQL on the test's database directly, beside the API (its first column's value, or 0).</summary>
    private async Task<long> ScalarAsync(string sql) =>
        (await Factory.Database.QueryAsync(sql)).FirstOrDefault() is { } first ? long.Parse(first, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
