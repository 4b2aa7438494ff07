using Milestones.Application.Common.Models;

namespace Milestones.Application.Tests.Queries;

/// <summary>When a page tells its list's total by itself, and when only a count can.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 20, 5, 5)] // the only page, not full
    [InlineData(0, 20, 0, 0)] // an empty list
    [InlineData(10, 3, 2, 12)] // the last page, partly full
    [InlineData(0, 20, 20, null)] // a full page: more may follow
    [InlineData(10, 3, 3, null)]
    [InlineData(10, 3, 0, null)] // past the end: the list has fewer than 10, how many is unknown
    public void A_page_shows_the_total_only_when_it_is_not_full_and_not_past_the_end(int skip, int take, int shown, int? total)
    {
        Assert.Equal(total, Paging.TotalShownBy(skip, take, shown));
    }
}
