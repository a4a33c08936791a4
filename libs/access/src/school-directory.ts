/**
 * Which ids are schools, for `/schools/:id/...` routes. Schools are agencies of an organisation,
 * which live in @app/identity (OrganisationRepository provides this); that library imports this
 * one, so the access layer names only this contract and the global OrganisationModule supplies it.
 */
export abstract class SchoolDirectory {
  abstract isSchool(id: string): Promise<boolean>;
}
