using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Domain.Tests;

public sealed class ValueRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-03-31T00:00:00", "2026-03-31T23:59:59.999")]
    [InlineData("2026-03-31T00:00:00.001", "2026-03-31T00:00:00.001")]
    [InlineData("2026-12-31T00:00:00", "2026-12-31T23:59:59.999")]
    public void Midnight_due_dates_move_to_the_end_of_the_day(string given, string expected)
    {
        var value = DateTime.SpecifyKind(DateTime.Parse(given, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var normalized = DueDates.Normalize(value);

        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), normalized);
        Assert.Equal(DateTimeKind.Utc, normalized.Kind);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(99.99, 100, 99)]
    [InlineData(250, 100, 100)]
    [InlineData(1, 3, 33)]
    public void Funding_percent_is_whole_rounded_down_and_capped(decimal raised, decimal goal, int expected)
    {
        Assert.Equal(expected, Money.FundingPercent(raised, goal));
    }

    [Fact]
    public void Funding_percent_is_null_without_a_goal()
    {
        Assert.Null(Money.FundingPercent(10, null));
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a-b_c9", true)]
    [InlineData("ab", false)]
    [InlineData("Abc", false)]
    [InlineData("a.b", false)]
    public void Usernames_follow_the_rule(string username, bool valid)
    {
        Assert.Equal(valid, User.IsValidUsername(username));
    }

    [Fact]
    public void An_issued_key_is_sk_live_base62_stored_only_as_its_hash()
    {
        var key = ApiKey.Issue(1, "ci", [Scopes.Read], null, Now, out var secret);

        Assert.Matches("^sk_live_[0-9A-Za-z]{40}$", secret);
        Assert.Equal(secret[..12], key.Prefix);
        Assert.Equal(ApiKey.Hash(secret), key.SecretHash);
        Assert.DoesNotContain(secret, key.SecretHash);
        Assert.Equal(64, key.SecretHash.Length);
    }

    [Fact]
    public void Two_issued_keys_differ()
    {
        ApiKey.Issue(1, "a", [Scopes.Read], null, Now, out var first);
        ApiKey.Issue(1, "b", [Scopes.Read], null, Now, out var second);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_key_is_inactive_once_revoked_or_expired()
    {
        var revoked = ApiKey.Issue(1, "a", [Scopes.Read], null, Now, out _);
        revoked.Revoke(Now);
        var expiring = ApiKey.Issue(1, "b", [Scopes.Read], Now.AddHours(1), Now, out _);

        Assert.False(revoked.IsActive(Now));
        Assert.True(expiring.IsActive(Now));
        Assert.False(expiring.IsActive(Now.AddHours(1)));
        Assert.Throws<DomainException>(() => revoked.Revoke(Now));
    }

    [Fact]
    public void A_key_needs_known_scopes()
    {
        Assert.Throws<ArgumentException>(() => ApiKey.Issue(1, "x", ["milestones:delete"], null, Now, out _));
        Assert.Throws<ArgumentException>(() => ApiKey.Issue(1, "x", [], null, Now, out _));
    }
}
