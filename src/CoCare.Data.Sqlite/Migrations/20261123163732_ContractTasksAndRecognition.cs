using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractTasksAndRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MealsDelivered",
                table: "vol_signups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "net_tasks",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_net_tasks_ProjectId_SourceKey",
                table: "net_tasks",
                columns: new[] { "ProjectId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_net_tasks_ProjectId_SourceKey",
                table: "net_tasks");

            migrationBuilder.DropColumn(
                name: "MealsDelivered",
                table: "vol_signups");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "net_tasks");
        }
    }
}
