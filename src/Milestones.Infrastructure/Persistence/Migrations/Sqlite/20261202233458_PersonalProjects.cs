using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PersonalOwnerId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PersonalOwnerId",
                table: "Projects",
                column: "PersonalOwnerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_PersonalOwnerId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PersonalOwnerId",
                table: "Projects");
        }
    }
}
