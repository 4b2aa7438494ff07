using Milestones.Domain.Common;

namespace Milestones.Domain.Tests;

public sealed class SearchTextTests
{
    [Fact]
    public void The_pieces_of_a_text_are_its_distinct_three_character_windows()
    {
        var pieces = SearchText.Trigrams("abcabc");

        Assert.Equal(3, pieces.Count); // abc, bca, cab: the second abc is the same piece
        Assert.Equal(SearchText.Trigrams("abc").Single(), SearchText.Trigrams("xabc").Except(SearchText.Trigrams("xab")).Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    public void A_text_shorter_than_three_characters_has_no_piece(string text)
    {
        Assert.Empty(SearchText.Trigrams(text));
    }

    [Theory]
    [InlineData("milestone 17", "one 1")]
    [InlineData("école\nnotes", "e\nn")]
    [InlineData("a 😀 b", "😀 ")]
    public void Every_piece_of_a_contained_term_is_a_piece_of_the_text(string text, string term)
    {
        Assert.Contains(term, text);
        Assert.Subset(SearchText.Trigrams(text).ToHashSet(), SearchText.Trigrams(term).ToHashSet());
    }

    [Fact]
    public void Pieces_differing_in_one_character_are_different_numbers()
    {
        Assert.NotEqual(SearchText.Trigrams("abc").Single(), SearchText.Trigrams("abd").Single());
        Assert.NotEqual(SearchText.Trigrams("\uffff\uffffa").Single(), SearchText.Trigrams("\uffff\uffffb").Single());
    }
}
