using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Search;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Application.Projects.Commands.CreateProject;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Application.Tests.Handlers;

/// <summary>The search index behind a milestone list's <c>search</c>: kept by every text change, and exact.</summary>
public sealed class SearchMilestonesTests : HandlerTestBase
{
    private async Task<long> ProjectAsync() => (await SendAsync(new CreateProjectCommand("P", null, null))).Id;

    private Task<List<long>> EntriesOfAsync(long milestoneId) =>
        DbAsync(db => db.MilestoneTrigrams.Where(t => t.MilestoneId == milestoneId).OrderBy(t => t.Gram).Select(t => t.Gram).ToListAsync());

    private Task<string> TextOfAsync(long milestoneId) =>
        DbAsync(db => db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.SearchText).SingleAsync());

    [Fact]
    public async Task Every_text_change_leaves_exactly_the_pieces_of_the_new_text_in_the_index()
    {
        var projectId = await ProjectAsync();
        var created = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "Kick-off", Description = "First day" }));
        var atCreation = await EntriesOfAsync(created.Id);

        await SendAsync(new UpdateMilestoneCommand(created.Id, new MilestoneChanges { Description = "Second week" }));
        var afterUpdate = await EntriesOfAsync(created.Id);
        var defaultId = await DbAsync(db => db.Milestones.Where(m => m.ProjectId == projectId && m.Type == MilestoneType.Uncategorised).Select(m => m.Id).SingleAsync());

        Assert.Equal(SearchText.IndexedPieces(SearchText.ForMilestone("Kick-off", "First day")).Order(), atCreation);
        Assert.Equal(SearchText.IndexedPieces(await TextOfAsync(created.Id)).Order(), afterUpdate);
        Assert.Contains(SearchText.Trigrams("wee").Single(), afterUpdate);
        Assert.DoesNotContain(SearchText.Trigrams("fir").Single(), afterUpdate);
        Assert.Equal(SearchText.IndexedPieces(await TextOfAsync(defaultId)).Order(), await EntriesOfAsync(defaultId));
        Assert.Equal(0, await DbAsync(db => db.MilestoneTrigrams.CountAsync(t => t.ProjectId != projectId)));
    }

    [Fact]
    public async Task A_search_finds_what_a_substring_test_finds_whether_the_terms_pieces_are_rare_or_common()
    {
        // More milestones than RareEnough share every piece of "milestone": that search reads the project
        // in order; "number 1234" has rare pieces and starts from the index; "zq" and "q" start from the
        // pieces that begin with them, "9" is too common for that.
        var projectId = await ProjectAsync();
        var count = MilestoneSearchIndex.RareEnough + 50;
        await DbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= count; i++)
            {
                db.Milestones.Add(Milestone.Create(projectId, new MilestoneDraft { Title = $"Milestone {i:D5}", Description = $"number {i} {(i % 97 == 0 ? "zq" : "")}" }, i, UserId, now));
            }

            await using var transaction = await db.BeginTransactionAsync(default);
            await db.SaveChangesAsync(default);
            await transaction.CommitAsync(default);
            return 0;
        });
        var texts = await DbAsync(db => db.Milestones.Where(m => m.ProjectId == projectId).OrderBy(m => m.Position).Select(m => new { m.Id, m.SearchText }).ToListAsync());

        // "number 12": every piece has more than RareAtFirstCount entries (" 12" about 110), so they are counted again.
        foreach (var term in new[] { "MILESTONE", "number 1234", "number 12", "00 n", "zq", "q", "9", "Q", "milestone 99999", "e 0205" })
        {
            var matches = texts.Where(t => t.SearchText.Contains(SearchText.Fold(term), StringComparison.Ordinal)).Select(t => t.Id).ToList();

            var page = await SendAsync(new ListMilestonesQuery { InProject = projectId, Filter = new MilestoneFilter { Search = term }, Limit = 100 });

            Assert.Equal(matches.Count, page.Count);
            Assert.Equal(matches.Take(100), page.Items.Select(m => m.Id));
        }
    }

    [Fact]
    public async Task A_piece_count_stops_at_the_number_it_is_given_and_a_piece_nobody_has_gets_no_row()
    {
        // Arrange
        var projectId = await ProjectAsync();
        for (var i = 0; i < MilestoneSearchIndex.RareAtFirstCount + 6; i++)
        {
            await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = $"Same {i}" }));
        }

        long[] pieces = [SearchText.Trigrams("sam").Single(), SearchText.Trigrams("qqq").Single()];

        // Act
        var counts = await DbAsync(async db => (
            AtFirst: await MilestoneSearchIndex.PieceCounts(db.MilestoneTrigrams.Where(t => t.ProjectId == projectId), pieces, MilestoneSearchIndex.RareAtFirstCount).ToListAsync(),
            Further: await MilestoneSearchIndex.PieceCounts(db.MilestoneTrigrams.Where(t => t.ProjectId == projectId), pieces, MilestoneSearchIndex.RareEnough).ToListAsync()));

        // Assert
        Assert.Equal(MilestoneSearchIndex.RareAtFirstCount, Assert.Single(counts.AtFirst, c => c.Gram == pieces[0]).Count);
        Assert.Equal(MilestoneSearchIndex.RareAtFirstCount + 6, Assert.Single(counts.Further, c => c.Gram == pieces[0]).Count);
        Assert.DoesNotContain(counts.AtFirst, c => c.Gram == pieces[1]);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("b")]
    [InlineData("xa")]
    [InlineData("x")]
    public async Task A_short_term_is_found_from_the_index_wherever_it_occurs_even_at_the_very_end(string term)
    {
        var projectId = await ProjectAsync();
        var atEnd = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "Kick-off", Description = "ends with xab" }));
        var titleOnly = await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "xab" }));
        await SendAsync(new CreateMilestoneCommand(projectId, new MilestoneDraft { Title = "Other", Description = "nothing here" }));

        var candidates = await DbAsync(async db => await MilestoneSearchIndex.CandidatesAsync(db.MilestoneTrigrams.Where(t => t.ProjectId == projectId), term, default) is { } found
            ? (Exact: found.Exact, Ids: await found.Ids.Distinct().ToListAsync()) : default);
        var page = await SendAsync(new ListMilestonesQuery { InProject = projectId, Filter = new MilestoneFilter { Search = term } });

        // The index narrowed the search to exactly the matches: the list adds no substring test.
        Assert.True(candidates.Exact);
        Assert.Equal([atEnd.Id, titleOnly.Id], candidates.Ids.Order());
        Assert.Equal([atEnd.Id, titleOnly.Id], page.Items.Select(m => m.Id).Order());
    }
}
