import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { SurveyWave } from '../surveys/survey.entity.js';

/**
 * A device that answered a wave through the public form: only HMAC(server secret, wave, device
 * token), never the token, the address or anything that names a person — and no link to the
 * response, so the answers stay anonymous even to whoever holds the secret.
 */
@Entity({ tableName: 'feedback_device' })
export class FeedbackDevice {
  @ManyToOne({ entity: () => SurveyWave, primary: true, fieldName: 'wave_id', deleteRule: 'cascade', updateRule: 'cascade' })
  wave!: SurveyWave;

  @PrimaryKey({ type: 'text' })
  deviceHash!: string;
}
