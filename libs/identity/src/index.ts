/** identity's front door (server side; its pure rules are in ./domain). */
export { IDENTITY_ENTITIES } from './identity.entities';
export { IdentityModule } from './identity.module';
export { IdentityService } from './identity.service';
export { OrganisationEntity } from './organisation.entity';
export { UserEntity } from './user.entity';
export * from './domain';
