using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Milestones.Api.Tests.Support;
using Milestones.Infrastructure.Deadlines;

namespace Milestones.Api.Tests;

/// <summary>The sweeper against real databases; time moves only when the fake clock is advanced.</summary>
public sealed class DeadlineSweeperTests : IDisposable
{
    private readonly List<ApiFactory> _factories = [];

    private ApiFactory Host(bool hosted, int batchSize = 100, TempDatabase? database = null, FakeTimeProvider? clock = null)
    {
        var factory = new ApiFactory(database, new Dictionary<string, string>
        {
            ["Milestones:Deadlines:Enabled"] = hosted ? "true" : "false",
            ["Milestones:Deadlines:SweepInterval"] = "00:01:00",
            ["Milestones:Deadlines:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, clock);
        _factories.Add(factory);
        return factory;
    }

    private static DeadlineSweeper SweeperOf(ApiFactory factory) =>
        ActivatorUtilities.CreateInstance<DeadlineSweeper>(factory.Services);

    private static async Task<JsonNode> StatusEventuallyAsync(HttpClient client, long milestoneId, string status)
    {
        JsonNode milestone = null!;
        for (var i = 0; i < 400; i++) // at most ~10 s, for a busy CI machine
        {
            milestone = (await client.Get($"/api/v1/milestones/{milestoneId}")).Data();
            if (milestone.Str("status") == status)
            {
                return milestone;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"Milestone {milestoneId} never became {status}; last seen {milestone.Json()}");
        return milestone;
    }

    [Fact]
    public async Task The_hosted_sweeper_fails_an_overdue_milestone_one_interval_after_start_with_the_manual_side_effects()
    {
        var factory = Host(hosted: true);
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin, "public");
        var milestone = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "Late", dueDate = "2026-05-31", goalAmount = 100 });
        var (_, _, backer) = await given.UserAsync();
        var support = (await backer.Post($"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 30 })).Data(HttpStatusCode.Created);
        Assert.Equal("pending", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{milestone.Id()}")).Str("status"));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var failed = await StatusEventuallyAsync(given.Admin, milestone.Id(), "failed");
        Assert.Equal(0m, failed["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal("released", (await given.GetAsync(given.Admin, $"/api/v1/supports/{support.Id()}")).Str("status"));
        var events = (await given.Admin.Get($"/api/v1/projects/{project.Id()}/events?milestoneId={milestone.Id()}")).Data().AsArray();
        var missed = Assert.Single(events, e => e!.Str("type") == "milestone.deadline_missed")!;
        Assert.Null(missed["actorId"]);
        var changed = Assert.Single(events, e => e!.Str("type") == "milestone.status_changed")!;
        Assert.Null(changed["actorId"]);
        Assert.Equal(1, changed["data"]!["supports"]!.Int("released"));
    }

    [Fact]
    public async Task The_hosted_sweeper_does_nothing_before_one_interval_has_passed()
    {
        var factory = Host(hosted: true);
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin);
        var milestone = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "Late", dueDate = "2026-05-31" });

        factory.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(300);

        Assert.Equal("pending", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{milestone.Id()}")).Str("status"));
    }

    [Fact]
    public async Task A_sweep_fails_only_live_open_overdue_milestones()
    {
        var factory = Host(hosted: false);
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin);
        var late = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "late", dueDate = "2026-05-01", status = "in_progress" });
        var future = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "future", dueDate = "2026-07-01" });
        var reached = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "reached", dueDate = "2026-05-01", status = "reached" });
        var deleted = await given.MilestoneAsync(given.Admin, project.Id(), new { title = "deleted", dueDate = "2026-05-01" });
        await given.Admin.Delete($"/api/v1/milestones/{deleted.Id()}");

        var failedCount = await SweeperOf(factory).SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, failedCount);
        Assert.Equal("failed", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{late.Id()}")).Str("status"));
        Assert.Equal("pending", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{future.Id()}")).Str("status"));
        Assert.Equal("reached", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{reached.Id()}")).Str("status"));
        Assert.Equal("pending", (await given.GetAsync(given.Admin, $"/api/v1/milestones/{deleted.Id()}")).Str("status"));
        Assert.Equal(0, await SweeperOf(factory).SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_leaves_milestones_of_deleted_projects_alone()
    {
        var factory = Host(hosted: false);
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin);
        await given.MilestoneAsync(given.Admin, project.Id(), new { title = "late", dueDate = "2026-05-01" });
        await given.Admin.Delete($"/api/v1/projects/{project.Id()}");

        Assert.Equal(0, await SweeperOf(factory).SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_works_through_many_due_milestones_in_small_batches()
    {
        var factory = Host(hosted: false, batchSize: 7);
        var given = new Scenario(factory);
        var project = await given.ProjectAsync(given.Admin);
        for (var i = 0; i < 30; i++)
        {
            await given.MilestoneAsync(given.Admin, project.Id(), new { title = $"late {i}", dueDate = "2026-05-01" });
        }

        var failedCount = await SweeperOf(factory).SweepOnceAsync(CancellationToken.None);

        Assert.Equal(30, failedCount);
        var open = await given.Admin.Get($"/api/v1/projects/{project.Id()}/milestones?overdue=true");
        Assert.Equal(0, open.Body!.Int("count"));
    }

    [Fact]
    public async Task Two_sweepers_on_one_database_write_exactly_one_deadline_event_per_milestone()
    {
        var first = Host(hosted: false, batchSize: 5);
        var second = Host(hosted: false, batchSize: 5, database: first.Database, clock: first.Clock);
        var given = new Scenario(first);
        var project = await given.ProjectAsync(given.Admin);
        var ids = new List<long>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add((await given.MilestoneAsync(given.Admin, project.Id(), new { title = $"late {i}", dueDate = "2026-05-01" })).Id());
        }

        second.CreateClient();
        var results = await Task.WhenAll(
            SweeperOf(first).SweepOnceAsync(CancellationToken.None),
            SweeperOf(second).SweepOnceAsync(CancellationToken.None),
            SweeperOf(first).SweepOnceAsync(CancellationToken.None));

        Assert.Equal(24, results.Sum());
        var events = (await given.Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.deadline_missed&limit=100")).Data().AsArray();
        Assert.Equal(24, events.Count);
        Assert.Equal(ids.Order(), events.Select(e => e!["milestoneId"]!.GetValue<long>()).Order());
        var changes = (await given.Admin.Get($"/api/v1/projects/{project.Id()}/events?type=milestone.status_changed&limit=100")).Body!.Int("count");
        Assert.Equal(24, changes);
        Assert.Empty((await given.Admin.Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
    }
}
