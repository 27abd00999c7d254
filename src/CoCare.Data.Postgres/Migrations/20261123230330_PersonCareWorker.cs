using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonCareWorker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CareWorker",
                table: "dir_people",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CaregiverCertificate",
                table: "dir_people",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkRegionCode",
                table: "dir_people",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_dir_people_WorkRegionCode_CareWorker",
                table: "dir_people",
                columns: new[] { "WorkRegionCode", "CareWorker" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dir_people_WorkRegionCode_CareWorker",
                table: "dir_people");

            migrationBuilder.DropColumn(
                name: "CareWorker",
                table: "dir_people");

            migrationBuilder.DropColumn(
                name: "CaregiverCertificate",
                table: "dir_people");

            migrationBuilder.DropColumn(
                name: "WorkRegionCode",
                table: "dir_people");
        }
    }
}
