import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { AccountsModule } from '../accounts/accounts.module';
import { SpecificationStoreModule } from '../specification-store/specification-store.module';
import { LastEditorRecorder } from './last-editor-recorder';
import { Specification, SpecificationSchema } from './specification.schema';
import { SpecificationsController } from './specifications.controller';
import { SpecificationsService } from './specifications.service';
import { AuthModule } from '../auth/auth.module';

@Module({
  imports: [
    AccessModule,
    AccountsModule,
    AuthModule,
    SpecificationStoreModule,
    MongooseModule.forFeature([{ name: Specification.name, schema: SpecificationSchema }]),
  ],
  controllers: [SpecificationsController],
  providers: [SpecificationsService, LastEditorRecorder],
  exports: [SpecificationsService, MongooseModule],
})
export class SpecificationsModule {}
