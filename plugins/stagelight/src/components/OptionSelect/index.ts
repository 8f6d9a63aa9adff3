export { OptionSelect, type OptionSelectProps } from './OptionSelect';
