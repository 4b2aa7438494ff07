using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MilestoneSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Milestones",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Milestones");
        }
    }
}
